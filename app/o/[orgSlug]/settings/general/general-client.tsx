"use client";

import { ProfileForm } from "./profile-form";
import { DeletionPanel } from "./deletion-panel";
import type { OrganizationSettings } from "@/lib/services/organizations/schemas";

export function GeneralClient({ settings, timeZones, canEdit, canDelete }: { settings: OrganizationSettings; timeZones: string[]; canEdit: boolean; canDelete: boolean }) {
  return (
    <div className="space-y-6">
      {/* The form starts over from the saved values whenever they change (a save, a restore). */}
      <ProfileForm key={JSON.stringify(settings)} settings={settings} timeZones={timeZones} canEdit={canEdit && !settings.deleteAfter} />
      <DeletionPanel settings={settings} canDelete={canDelete} />
    </div>
  );
}
