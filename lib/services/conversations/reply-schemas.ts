import { z } from "zod";
import { inputString, required, say } from "@/lib/validation";

/** The answers of the reply verbs, as API v1 publishes them (lib/api/operations/conversation-replies.ts). */
export const sentReplySchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    mid: z.string().nullable().describe("Meta's message id once sent."),
    text: z.string(),
    attachment: z.object({ type: z.string(), fileName: z.string() }).nullable(),
    quickReplies: z.array(z.object({ title: z.string(), payload: z.string() })).nullable(),
    sendStatus: z.enum(["sending", "sent", "failed"]),
    messagingType: z.string().describe("RESPONSE within 24 hours; MESSAGE_TAG (tag HUMAN_AGENT) up to 7 days."),
    tag: z.string().nullable(),
    failureCode: z.number().int().nullable().describe("Meta's error code when failed (e.g. 551 the person is unavailable)."),
    failureReason: z.string().nullable().describe("Meta's reason, `(#code/subcode) message`."),
    timestamp: z.number().int(),
  })
  .meta({
    examples: [
      {
        id: "0190f5d2-6a7b-7c8d-9e0f-112233445566",
        conversationId: "0190f5d2-1111-7222-8333-444455556666",
        mid: "m_AbC123",
        text: "Your order ships today 📦",
        attachment: null,
        quickReplies: [{ title: "Track it", payload: "TRACK" }],
        sendStatus: "sent",
        messagingType: "RESPONSE",
        tag: null,
        failureCode: null,
        failureReason: null,
        timestamp: 1_764_650_000_000,
      },
    ],
  });

export const attachmentUploadSchema = z
  .object({
    id: z.uuid().describe("The upload id: send it as a reply's `attachment.uploadId`."),
    type: z.enum(["image", "video", "audio", "file"]),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    reused: z.boolean().describe("True when the same file had been uploaded for this channel before (Meta was not called again)."),
  })
  .meta({ examples: [{ id: "0190f5d2-7777-7888-9999-aaaabbbbcccc", type: "image", fileName: "receipt.png", contentType: "image/png", size: 48213, reused: false }] });

/** API v1's upload: the file's bytes in base64 (the dashboard sends multipart through a server action). */
export const attachmentUploadInputSchema = z
  .object({
    fileName: inputString("composer.attach", 200).min(1, required("composer.attach")),
    contentType: inputString("composer.attach", 200).min(1, required("composer.attach")),
    data: z.base64({ error: say("composer.attachment.base64") }),
  })
  .meta({ examples: [{ fileName: "receipt.png", contentType: "image/png", data: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" }] });

export const threadControlStateSchema = z
  .object({
    conversationId: z.uuid(),
    threadOwnerAppId: z.string().nullable().describe("The app that controls the thread now; null is Messenger Desk. Meta's Page Inbox is 263902037430900."),
  })
  .meta({ examples: [{ conversationId: "0190f5d2-1111-7222-8333-444455556666", threadOwnerAppId: "263902037430900" }] });
