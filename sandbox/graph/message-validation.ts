/**
 * Validation of the Send API `message` object with Meta's limits: text <= 2000 characters, quick replies
 * <= 13 (titles <= 20), attachments by URL or attachment_id, templates one_time_notif_req (title <= 65),
 * notification_messages, button (text <= 640, 1-3 buttons) and generic (<= 10 elements, title/subtitle
 * <= 80). Returns the message's kind for the send log; throws error 100 as Meta does.
 */
import { graphErrors } from "./graph-error";

const MEDIA_TYPES = new Set(["image", "audio", "video", "file"]);
const BUTTON_TYPES = new Set(["web_url", "postback", "phone_number", "account_link", "account_unlink", "game_play"]);
const FREQUENCIES = new Set(["DAILY", "WEEKLY", "MONTHLY"]);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const bad = (detail: string) => graphErrors.invalidParameter(detail);
/** Meta counts characters, not UTF-16 units; spread counts code points. */
const length = (s: string) => (s.length < 1000 ? [...s].length : Array.from(s).length);

/** `hasFile`: the request uploads the attachment as multipart `filedata`, so its payload needs no url. */
export function validateMessage(message: unknown, hasFile = false): string {
  if (!isObject(message)) throw bad("param message must be a JSON object");
  const hasText = message.text !== undefined;
  const hasAttachment = message.attachment !== undefined;
  if (hasText && hasAttachment) throw bad("Only one of the following fields can be specified: message[text], message[attachment]");
  if (!hasText && !hasAttachment) throw bad("param message must be non-empty.");
  if (message.quick_replies !== undefined) validateQuickReplies(message.quick_replies);
  if (message.metadata !== undefined && (typeof message.metadata !== "string" || message.metadata.length > 1000)) {
    throw bad("Param message[metadata] must be a string of at most 1000 characters");
  }
  if (hasText) {
    if (typeof message.text !== "string" || message.text.length === 0) throw bad("param message[text] must be a non-empty UTF-8 encoded string");
    if (length(message.text) > 2000) throw bad("Length of param message[text] must be less than or equal to 2000");
    return "text";
  }
  return validateAttachment(message.attachment, hasFile);
}

function validateQuickReplies(quickReplies: unknown): void {
  if (!Array.isArray(quickReplies) || quickReplies.length === 0) throw bad("param message[quick_replies] must be a non-empty array");
  if (quickReplies.length > 13) throw bad("param message[quick_replies] must have at most 13 items");
  for (const [i, qr] of quickReplies.entries()) {
    if (!isObject(qr)) throw bad(`param message[quick_replies][${i}] must be an object`);
    const type = qr.content_type;
    if (type === "user_phone_number" || type === "user_email") continue;
    if (type !== "text") throw bad(`param message[quick_replies][${i}][content_type] must be one of {text, user_phone_number, user_email}`);
    if (typeof qr.title !== "string" || qr.title.length === 0) throw bad(`param message[quick_replies][${i}][title] is required`);
    if (length(qr.title) > 20) throw bad(`param message[quick_replies][${i}][title] must be at most 20 characters`);
    if (qr.payload === undefined || qr.payload === "") throw bad(`param message[quick_replies][${i}][payload] is required`);
  }
}

function validateAttachment(attachment: unknown, hasFile: boolean): string {
  if (!isObject(attachment)) throw bad("param message[attachment] must be an object");
  const type = attachment.type;
  const payload = attachment.payload;
  if (typeof type !== "string") throw bad("param message[attachment][type] is required");
  if (!isObject(payload)) throw bad("param message[attachment][payload] must be an object");
  if (MEDIA_TYPES.has(type)) {
    const url = payload.url;
    if (payload.attachment_id === undefined && !hasFile) {
      if (typeof url !== "string" || !/^https?:\/\/\S+$/i.test(url)) throw bad("param message[attachment][payload][url] must be a valid URL");
    }
    return `attachment:${type}`;
  }
  if (type !== "template") throw bad("param message[attachment][type] must be one of {image, audio, video, file, template}");
  const templateType = payload.template_type;
  switch (templateType) {
    case "one_time_notif_req":
      requireTitle(payload, 65);
      requirePayload(payload);
      break;
    case "notification_messages":
      requireTitle(payload, 65);
      requirePayload(payload);
      if (payload.notification_messages_frequency !== undefined && !FREQUENCIES.has(String(payload.notification_messages_frequency))) {
        throw bad("param notification_messages_frequency must be one of {DAILY, WEEKLY, MONTHLY}");
      }
      if (payload.notification_messages_reoptin !== undefined && payload.notification_messages_reoptin !== "ENABLED" && payload.notification_messages_reoptin !== "DISABLED") {
        throw bad("param notification_messages_reoptin must be one of {ENABLED, DISABLED}");
      }
      if (payload.notification_messages_timezone !== undefined && typeof payload.notification_messages_timezone !== "string") {
        throw bad("param notification_messages_timezone must be a time zone identifier");
      }
      if (payload.image_url !== undefined && (typeof payload.image_url !== "string" || !/^https?:\/\/\S+$/i.test(payload.image_url))) {
        throw bad("param image_url must be a valid URL");
      }
      break;
    case "button":
      if (typeof payload.text !== "string" || payload.text.length === 0) throw bad("param message[attachment][payload][text] is required");
      if (length(payload.text) > 640) throw bad("param message[attachment][payload][text] must be at most 640 characters");
      validateButtons(payload.buttons, "message[attachment][payload][buttons]", 1);
      break;
    case "generic":
      validateGenericElements(payload.elements);
      break;
    default:
      throw bad("param message[attachment][payload][template_type] is not supported");
  }
  return `template:${templateType}`;
}

function requireTitle(payload: Json, max: number): void {
  if (typeof payload.title !== "string" || payload.title.length === 0) throw bad("param title is required");
  if (length(payload.title) > max) throw bad(`param title must be at most ${max} characters`);
}

function requirePayload(payload: Json): void {
  if (typeof payload.payload !== "string" || payload.payload.length === 0) throw bad("param payload is required");
}

function validateButtons(buttons: unknown, where: string, min: number): void {
  if (buttons === undefined && min === 0) return;
  if (!Array.isArray(buttons) || buttons.length < min || buttons.length > 3) throw bad(`param ${where} must have 1 to 3 buttons`);
  for (const [i, button] of buttons.entries()) {
    if (!isObject(button) || !BUTTON_TYPES.has(String(button.type))) throw bad(`param ${where}[${i}][type] is invalid`);
    if (button.type === "web_url" && typeof button.url !== "string") throw bad(`param ${where}[${i}][url] is required`);
    if (button.type === "postback" && (button.payload === undefined || button.payload === "")) throw bad(`param ${where}[${i}][payload] is required`);
    if ((button.type === "web_url" || button.type === "postback") && typeof button.title !== "string") {
      throw bad(`param ${where}[${i}][title] is required`);
    }
  }
}

function validateGenericElements(elements: unknown): void {
  if (!Array.isArray(elements) || elements.length === 0) throw bad("param message[attachment][payload][elements] must be a non-empty array");
  if (elements.length > 10) throw bad("param message[attachment][payload][elements] must have at most 10 elements");
  for (const [i, element] of elements.entries()) {
    if (!isObject(element) || typeof element.title !== "string" || element.title.length === 0) {
      throw bad(`param elements[${i}][title] is required`);
    }
    if (length(element.title) > 80) throw bad(`param elements[${i}][title] must be at most 80 characters`);
    if (typeof element.subtitle === "string" && length(element.subtitle) > 80) throw bad(`param elements[${i}][subtitle] must be at most 80 characters`);
    validateButtons(element.buttons, `elements[${i}][buttons]`, 0);
  }
}
