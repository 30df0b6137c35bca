/**
 * Facebook Login ("Connect with Facebook" and "Reconnect") with the platform's Meta app: start a run, finish it
 * when Meta sends the member back, show and connect the Pages it offered. The browser imports ./schemas only.
 */
export * from "./schemas";
export { startFacebookLogin } from "./start-facebook-login";
export { type FinishedLogin, finishFacebookLogin } from "./finish-facebook-login";
export { getFacebookLogin } from "./get-facebook-login";
export { connectFacebookPages } from "./connect-facebook-pages";
export { failureMessage } from "./queries";
