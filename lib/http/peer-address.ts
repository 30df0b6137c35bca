import http from "node:http";

/**
 * The TCP peer of a request, as a header that clients cannot set. Next's App Router hands route handlers and
 * server actions only headers, and Next fills X-Forwarded-For with the socket address only when the client
 * sent none, so a forged X-Forwarded-For would otherwise be indistinguishable from the real peer.
 */
export const PEER_ADDRESS_HEADER = "x-messenger-desk-peer";

const installed = globalThis as unknown as { __messengerDeskPeerStamp?: boolean };

/** Stamps every incoming HTTP request of this process with its socket's address (overwriting any client value). */
export function installPeerAddressHeader(): void {
  if (installed.__messengerDeskPeerStamp) return;
  installed.__messengerDeskPeerStamp = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
