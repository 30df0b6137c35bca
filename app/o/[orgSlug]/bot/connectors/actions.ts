"use server";

import { revalidatePath } from "next/cache";
import { createConnector, deleteConnector, rotateConnectorSecret, testConnector, updateConnector } from "@/lib/services/bot-connectors";
import { orgAction } from "@/lib/tenancy/action";

const connectorsPath = (slug: string) => `/o/${slug}/bot/connectors`;

/** What the form holds; the timeout field is text until parsed here. */
export type ConnectorFormValues = { name: string; url: string; timeoutMs: string; fallback: "builtin" | "queue"; enabled: boolean };
const toInput = (values: ConnectorFormValues) => ({ name: values.name ?? "", url: values.url ?? "", timeoutMs: Number(values.timeoutMs), fallback: values.fallback, enabled: values.enabled });

export async function createConnectorAction(orgSlug: string, values: ConnectorFormValues) {
  return orgAction(orgSlug, "bot.manage", async (ctx) => {
    const created = await createConnector({ ctx, input: toInput(values) });
    revalidatePath(connectorsPath(ctx.org.slug));
    // The secret goes to this browser once, to be copied into the organisation's bot.
    return { id: created.connector.id, name: created.connector.name, secret: created.secret };
  });
}

export async function updateConnectorAction(orgSlug: string, connectorId: string, values: ConnectorFormValues) {
  return orgAction(orgSlug, "bot.manage", async (ctx) => {
    await updateConnector({ ctx, connectorId, input: toInput(values) });
    revalidatePath(connectorsPath(ctx.org.slug));
    return null;
  });
}

export async function rotateConnectorSecretAction(orgSlug: string, connectorId: string) {
  return orgAction(orgSlug, "bot.manage", async (ctx) => {
    const rotated = await rotateConnectorSecret({ ctx, connectorId });
    return { id: rotated.connector.id, name: rotated.connector.name, secret: rotated.secret };
  });
}

export async function deleteConnectorAction(orgSlug: string, connectorId: string) {
  return orgAction(orgSlug, "bot.manage", async (ctx) => {
    await deleteConnector({ ctx, connectorId });
    revalidatePath(connectorsPath(ctx.org.slug));
    return null;
  });
}

export async function testConnectorAction(orgSlug: string, connectorId: string) {
  return orgAction(orgSlug, "bot.manage", async (ctx) => {
    const result = await testConnector({ ctx, connectorId });
    revalidatePath(connectorsPath(ctx.org.slug));
    return result;
  });
}
