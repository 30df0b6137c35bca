/**
 * External bot connectors: an organisation's own bot behind an HTTPS endpoint, asked about each message when a
 * bot config's engine is external. The domain's import path for everything outside it (the browser imports
 * ./constants only).
 */
export * from "./schemas";
export { askConnector } from "./ask-connector";
export { createConnector } from "./create-connector";
export { deleteConnector } from "./delete-connector";
export { getConnector, listConnectors } from "./list-connectors";
export { rotateConnectorSecret } from "./rotate-connector-secret";
export { signConnectorBody, verifyConnectorSignature } from "./sign";
export { testConnector } from "./test-connector";
export { updateConnector } from "./update-connector";
