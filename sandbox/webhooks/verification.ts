/**
 * The verification handshake Meta performs when a callback URL is saved: GET the URL with hub.mode,
 * hub.verify_token and hub.challenge; the endpoint must answer 200 with the challenge as body.
 */
import { newOpaqueToken } from "../ids";
import { httpRequest } from "./http-post";

export interface VerificationResult {
  ok: boolean;
  status: number | null;
  detail: string;
}

export async function verifyCallback(callbackUrl: string, verifyToken: string, timeoutMs = 5_000): Promise<VerificationResult> {
  const challenge = String(Math.floor(Math.random() * 1e9)) + newOpaqueToken(4).replace(/[^0-9]/g, "");
  const url = new URL(callbackUrl);
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.verify_token", verifyToken);
  url.searchParams.set("hub.challenge", challenge);
  try {
    const result = await httpRequest("GET", url.toString(), { timeoutMs, headers: { "User-Agent": "facebookplatform/1.0" } });
    if (result.status !== 200) return { ok: false, status: result.status, detail: `callback answered HTTP ${result.status}` };
    if (result.body.trim() !== challenge) return { ok: false, status: 200, detail: "callback did not echo hub.challenge" };
    return { ok: true, status: 200, detail: "verified" };
  } catch (error) {
    return { ok: false, status: null, detail: error instanceof Error ? error.message : String(error) };
  }
}
