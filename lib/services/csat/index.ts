// Satisfaction surveys (issue 16): the channel setting, asking after a resolution, taking the answers. Other domains import from here.
export * from "./schemas";
export { getCsatSettings } from "./get-csat-settings";
export { updateCsatSettings } from "./update-csat-settings";
export { askSurvey, type AskOutcome } from "./ask-survey";
export { findUnaskedResolutions, UNASKED_AFTER_MS, UNASKED_WITHIN_MS, type UnaskedResolution } from "./find-unasked-resolutions";
export { takeSurveyAnswers, type InboundTurn } from "./take-survey-answers";
export { sendSurveyReplies } from "./send-survey-replies";
