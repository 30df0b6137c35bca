import type { MessengerProfile as GraphProfile, MessengerProfileField } from "@/lib/graph/client";
import type { MessengerProfileData } from "./schemas";

/** Our saved profile as Meta's POST body, and the fields to DELETE because they are now empty. */
export function toGraphProfile(profile: MessengerProfileData): { set: GraphProfile; remove: MessengerProfileField[] } {
  const set: GraphProfile = {};
  const remove: MessengerProfileField[] = [];
  if (profile.getStartedPayload !== null) set.get_started = { payload: profile.getStartedPayload };
  else remove.push("get_started");
  if (profile.greetings.length) set.greeting = profile.greetings;
  else remove.push("greeting");
  if (profile.persistentMenu.length) {
    set.persistent_menu = profile.persistentMenu.map((m) => ({ locale: m.locale, composer_input_disabled: m.composerInputDisabled, call_to_actions: m.items }));
  } else remove.unshift("persistent_menu"); // first: Meta keeps Get Started while a menu needs it
  return { set, remove };
}
