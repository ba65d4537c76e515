import type { Metadata } from "next";
import { getProfile } from "@/lib/auth/users";
import { requireUser } from "@/lib/guards";
import { Panel } from "@/components/panel";
import { Alert } from "@/components/alert";
import { NameForm } from "./name-form";
import { updateNameAction } from "./actions";
import { ChangePasswordForm } from "./password-form";
import { changePasswordAction } from "./password-actions";
import { LinkedAccounts } from "./linked-accounts";

export const metadata: Metadata = { title: "My Account" };

const notices: Record<string, string> = {
  "password-changed": "Your password has been changed. You have been signed out everywhere else.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const sessionUser = await requireUser();
  const { notice } = await searchParams;
  const noticeText = typeof notice === "string" ? notices[notice] : undefined;
  const profile = await getProfile(sessionUser.id);
  if (!profile) return null;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">My Account</h1>
      <p className="mt-1 text-slate-600">{profile.email}</p>
      {noticeText && (
        <Alert tone="success" className="mt-6">
          {noticeText}
        </Alert>
      )}
      <div className="mt-8 grid gap-6">
        <LinkedAccounts userId={profile.id} email={profile.email} searchParams={searchParams} />
        <Panel id="profile-heading" title="Your name" description="Shown at the top of every page of the portal.">
          <NameForm action={updateNameAction} name={profile.name ?? ""} />
        </Panel>
        <Panel id="password-heading" title="Change password" description="Changing it signs you out on every other device.">
          <ChangePasswordForm action={changePasswordAction} />
        </Panel>
      </div>
    </>
  );
}
