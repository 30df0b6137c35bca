/**
 * How services word refused input (lib/validation.ts), and the labels of the fields every feature shares.
 * {field} is a label key, rendered in the reader's language. Spread into the English catalog; keys are
 * checked against validation.zh-CN.ts.
 */
export const validationEn = {
  "validation.required": "{field} is required.",
  "validation.tooLong": "{field} must be at most {max} characters.",
  "validation.tooShort": "{field} must be at least {min} characters.",
  "validation.looksTooShort": "{field} looks too short.",
  "validation.webAddress": "{field} must be a web address starting with https://.",
  "validation.nul": "Text must not contain NUL characters.",
  "validation.atLeastOneField": "Send at least one field to change.",
  "validation.invalidInput": "Invalid input.",
  "validation.email": "Enter a valid email address.",
  "validation.oneOf": "{field} must be one of {values}.",
  "validation.channelIdWithStop": "channelId must be a channel id.",
  "validation.channelId": "channelId must be a channel id",
  "validation.cursor": "cursor must be an id from a previous page",
  // For issues a schema did not word itself (zod's own English stays the API's message).
  "validation.issue.tooSmall": "{field} must be at least {min}.",
  "validation.issue.tooBig": "{field} must be at most {max}.",
  "validation.issue.invalidFormat": "{field} has an invalid format.",
  "validation.issue.invalidType": "{field} has the wrong type.",
  "validation.issue.invalidValue": "{field} is not one of the allowed values.",

  "field.name": "Name",
  "field.yourName": "Your name",
  "field.description": "Description",
  "field.email": "Email",
  "field.password": "Password",
  "field.orgName": "Organisation name",
  "field.search": "Search",
} as const;
