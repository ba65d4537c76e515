import type { Metadata } from "next";
import { getProfile } from "@/lib/auth/users";
import { requireUser } from "@/lib/guards";
import { Panel } from "@/components/panel";
import { NameForm } from "./name-form";
import { updateNameAction } from "./actions";

export const metadata: Metadata = { title: "My Account" };

export default async function AccountPage() {
  const sessionUser = await requireUser();
  const profile = await getProfile(sessionUser.id);
  if (!profile) return null;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">My Account</h1>
      <p className="mt-1 text-slate-600">{profile.email}</p>
      <div className="mt-8 grid gap-6">
        <Panel id="profile-heading" title="Your name" description="Shown at the top of every page of the portal.">
          <NameForm action={updateNameAction} name={profile.name ?? ""} />
        </Panel>
      </div>
    </>
  );
}
