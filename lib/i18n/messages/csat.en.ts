/** Satisfaction surveys (CSAT): the channel setting, the survey texts, the service's messages. */
export const csatEn = {
  "csat.title": "Satisfaction survey",
};
