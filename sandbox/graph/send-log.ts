/**
 * The record of every Send API call and its outcome, for tests and benchmarks to assert on
 * ("exactly one message reached PSID x", "3 calls failed with 613"). Records are appended in time order;
 * per-Page / per-recipient / per-token indexes keep filtered queries cheap at benchmark volumes.
 */
/** The permission a message relied on: a one-time token, a recurring-notification token, a Marketing Messages subscription. */
export type TokenKind = "one_time_notif" | "notification_messages" | "subscription";

export interface SendCallRecord {
  seq: number;
  at: number;
  pageId: string | null;
  /** The PSID the message went (or would have gone) to, when known. */
  psid: string | null;
  /** one_time_notif_token, notification_messages_token or Marketing Messages subscription_token used, if any. */
  token: string | null;
  tokenKind: TokenKind | null;
  /** Marketing Messages: the campaign the message was sent in. */
  campaignId: string | null;
  recipient: unknown;
  messagingType: string | null;
  tag: string | null;
  /** text | attachment:image | template:one_time_notif_req | sender_action:typing_on | ... */
  kind: string;
  message: unknown;
  ok: boolean;
  httpStatus: number;
  messageId: string | null;
  error: { code: number; subcode?: number; message: string } | null;
}

export interface SendCallQuery {
  pageId?: string;
  psid?: string;
  token?: string;
  since?: number;
  until?: number;
  ok?: boolean;
  errorCode?: number;
  kind?: string;
  tokenKind?: TokenKind;
  campaignId?: string;
  limit?: number;
  offset?: number;
}

export interface TokenSummary {
  tokens: number;
  delivered: number;
  notDelivered: number;
  deliveredMoreThanOnce: number;
  refusedAsUsed: number;
  otherFailures: number;
}

export class SendLog {
  private records: SendCallRecord[] = [];
  private byPage = new Map<string, SendCallRecord[]>();
  private byPsid = new Map<string, SendCallRecord[]>();
  private byToken = new Map<string, SendCallRecord[]>();
  private seq = 0;

  append(record: Omit<SendCallRecord, "seq">): SendCallRecord {
    const full = record as SendCallRecord;
    full.seq = ++this.seq;
    this.records.push(full);
    if (full.pageId) pushTo(this.byPage, full.pageId, full);
    if (full.psid) pushTo(this.byPsid, full.psid, full);
    if (full.token) pushTo(this.byToken, full.token, full);
    return full;
  }

  /** Matching records (oldest first) and their total count before limit/offset. */
  query(q: SendCallQuery): { total: number; records: SendCallRecord[] } {
    let source = this.records;
    if (q.token) source = this.byToken.get(q.token) ?? [];
    else if (q.psid) source = this.byPsid.get(q.psid) ?? [];
    else if (q.pageId) source = this.byPage.get(q.pageId) ?? [];
    const matches = source.filter(
      (r) =>
        (q.pageId === undefined || r.pageId === q.pageId) &&
        (q.psid === undefined || r.psid === q.psid) &&
        (q.token === undefined || r.token === q.token) &&
        (q.since === undefined || r.at >= q.since) &&
        (q.until === undefined || r.at <= q.until) &&
        (q.ok === undefined || r.ok === q.ok) &&
        (q.errorCode === undefined || r.error?.code === q.errorCode) &&
        (q.kind === undefined || r.kind === q.kind || r.kind.startsWith(`${q.kind}:`)) &&
        (q.tokenKind === undefined || r.tokenKind === q.tokenKind) &&
        (q.campaignId === undefined || r.campaignId === q.campaignId),
    );
    const offset = q.offset ?? 0;
    const limit = q.limit ?? matches.length;
    return { total: matches.length, records: matches.slice(offset, offset + limit) };
  }

  /** Counts by outcome for the matching records. */
  count(q: SendCallQuery): { total: number; ok: number; failed: number; byErrorCode: Record<string, number> } {
    const { records } = this.query({ ...q, limit: undefined, offset: undefined });
    const byErrorCode: Record<string, number> = {};
    let ok = 0;
    for (const r of records) {
      if (r.ok) ok++;
      else if (r.error) byErrorCode[r.error.code] = (byErrorCode[r.error.code] ?? 0) + 1;
    }
    return { total: records.length, ok, failed: records.length - ok, byErrorCode };
  }

  /**
   * What reached each of these one-time tokens: how many were delivered once, never, or more than once
   * (which Meta would never allow, so more than once means the sandbox is wrong), and how many send
   * attempts were refused because the token had already been used (safe re-sends after a crash).
   */
  tokenSummary(tokens: Iterable<string>): TokenSummary {
    const summary: TokenSummary = { tokens: 0, delivered: 0, notDelivered: 0, deliveredMoreThanOnce: 0, refusedAsUsed: 0, otherFailures: 0 };
    for (const token of tokens) {
      summary.tokens++;
      let ok = 0;
      for (const r of this.byToken.get(token) ?? []) {
        if (r.ok) ok++;
        else if (r.error?.code === 100 && /already been used/i.test(r.error.message)) summary.refusedAsUsed++;
        else summary.otherFailures++;
      }
      if (ok === 0) summary.notDelivered++;
      else summary.delivered++;
      if (ok > 1) summary.deliveredMoreThanOnce++;
    }
    return summary;
  }

  get size(): number {
    return this.records.length;
  }

  clear(): void {
    this.records = [];
    this.byPage.clear();
    this.byPsid.clear();
    this.byToken.clear();
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
