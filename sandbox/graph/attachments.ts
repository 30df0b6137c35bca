/**
 * Meta's Attachment Upload API (POST /{page-id}/message_attachments) and the attachment side of the Send
 * API: a file saved from a URL or uploaded as multipart `filedata` answers `{ attachment_id }`; a send with
 * `payload.attachment_id` resolves it (ids belong to one Page and expire after 90 days, as on Meta); a send
 * with `payload.url` and `is_reusable: true` saves it too and answers the id with the message. Uploaded
 * bytes are served at /_sandbox/media/attachments/<id>/<file name>.
 */
import { DAY_MS } from "../clock";
import { newNumericId } from "../ids";
import type { SandboxPage, SavedAttachment } from "../state/types";
import type { GraphContext } from "./context";
import { graphErrors } from "./graph-error";
import { jsonParam } from "./json-param";

export const ATTACHMENT_TTL_MS = 90 * DAY_MS;
const MEDIA_TYPES = new Set(["image", "audio", "video", "file"]);

/** A file part of a multipart/form-data request, as the HTTP layer hands it over. */
export interface UploadedFile {
  kind: "file";
  data: Buffer;
  contentType: string;
  fileName: string;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "file" && Buffer.isBuffer((value as UploadedFile).data);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Saves a file for the Page; uploaded bytes are served at /_sandbox/media/attachments/<id>. */
export function saveAttachment(
  ctx: GraphContext,
  page: SandboxPage,
  type: SavedAttachment["type"],
  source: { url: string } | { file: UploadedFile },
  reusable: boolean,
): SavedAttachment {
  const id = newNumericId("5");
  const attachment: SavedAttachment = { id, pageId: page.id, type, url: "", reusable, createdAt: ctx.clock.now() };
  if ("url" in source) attachment.url = source.url;
  else {
    ctx.store.attachmentFiles.set(id, source.file.data);
    // The file name rides in the URL, as on Meta's CDN, so Messenger can show it.
    attachment.url = `${ctx.publicUrl?.() ?? ""}/_sandbox/media/attachments/${id}/${encodeURIComponent(source.file.fileName || "file")}`;
    attachment.fileName = source.file.fileName;
    attachment.contentType = source.file.contentType;
  }
  ctx.store.attachments.set(id, attachment);
  ctx.store.touch();
  return attachment;
}

/** POST /{page-id}/message_attachments (or /me/message_attachments). */
export function handleAttachmentUpload(ctx: GraphContext, page: SandboxPage, pathPageId: string | null, params: Json): { status: number; body: unknown } {
  if (pathPageId !== null && pathPageId !== page.id) throw graphErrors.unknownObject(pathPageId);
  const message = jsonParam(params.message);
  if (!isObject(message)) throw graphErrors.invalidParameter("The parameter message is required");
  const attachment = message.attachment;
  if (!isObject(attachment)) throw graphErrors.invalidParameter("param message[attachment] must be an object");
  const type = attachment.type;
  if (typeof type !== "string" || !MEDIA_TYPES.has(type)) throw graphErrors.invalidParameter("param message[attachment][type] must be one of {image, audio, video, file}");
  const payload = isObject(attachment.payload) ? attachment.payload : {};
  const reusable = payload.is_reusable === true || payload.is_reusable === "true";
  const file = params.filedata;
  let saved: SavedAttachment;
  if (isUploadedFile(file)) saved = saveAttachment(ctx, page, type as SavedAttachment["type"], { file }, reusable);
  else if (typeof payload.url === "string" && /^https?:\/\/\S+$/i.test(payload.url)) saved = saveAttachment(ctx, page, type as SavedAttachment["type"], { url: payload.url }, reusable);
  else throw graphErrors.invalidParameter("param message[attachment][payload][url] must be a valid URL, or upload the file as filedata");
  return { status: 200, body: { attachment_id: saved.id } };
}

/**
 * The message as the person receives it: an attachment_id resolves to its file (unknown, expired or
 * another Page's id → 100); a url with is_reusable, or an uploaded `filedata`, is saved. Returns the
 * message to store in the thread and the id to answer, if one was saved.
 */
export function resolveMessageAttachment(ctx: GraphContext, page: SandboxPage, message: Json, file: unknown): { message: Json; attachmentId?: string } {
  const attachment = message.attachment;
  if (!isObject(attachment) || !MEDIA_TYPES.has(String(attachment.type)) || !isObject(attachment.payload)) return { message };
  const payload = attachment.payload;
  const type = attachment.type as SavedAttachment["type"];
  if (payload.attachment_id !== undefined) {
    const saved = ctx.store.attachments.get(String(payload.attachment_id));
    if (!saved || saved.pageId !== page.id || ctx.clock.now() - saved.createdAt > ATTACHMENT_TTL_MS) throw graphErrors.invalidAttachmentId();
    return { message: { ...message, attachment: { type: saved.type, payload: { attachment_id: saved.id, url: saved.url } } } };
  }
  const reusable = payload.is_reusable === true || payload.is_reusable === "true";
  if (isUploadedFile(file)) {
    const saved = saveAttachment(ctx, page, type, { file }, reusable);
    return { message: { ...message, attachment: { type, payload: { ...payload, url: saved.url } } }, attachmentId: reusable ? saved.id : undefined };
  }
  if (reusable && typeof payload.url === "string") {
    const saved = saveAttachment(ctx, page, type, { url: payload.url }, true);
    return { message, attachmentId: saved.id };
  }
  return { message };
}

