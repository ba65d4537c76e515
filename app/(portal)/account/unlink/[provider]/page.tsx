import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SubmitButton } from "@/components/button";
import { buttonClass } from "@/components/button-styles";
import { Panel } from "@/components/panel";
import { listLinkedAccounts } from "@/lib/auth/linking";
import { providerLabel } from "@/lib/auth/sign-in-messages";
import { requireUser } from "@/lib/guards";
import { unlinkProviderAction } from "../../social-actions";

export const metadata: Metadata = { title: "Unlink account" };

/** The confirmation step before unlinking: a page of its own, so it works without JavaScript. */
export default async function UnlinkPage({ params }: { params: Promise<{ provider: string }> }) {
  const user = await requireUser();
  const { provider } = await params;
  const linked = await listLinkedAccounts(user.id);
  if (!linked.some((account) => account.provider === provider)) redirect("/account");
  const label = providerLabel(provider);

  return (
    <div className="mx-auto max-w-lg">
      <Panel id="unlink-heading" title={`Unlink ${label}?`}>
        <p className="text-sm text-slate-700">
          You will no longer be able to log in with {label}. You can still log in with your email and password, and link{" "}
          {label} again from My Account at any time.
        </p>
        <form action={unlinkProviderAction} className="mt-6 flex flex-wrap items-center gap-3">
          <input type="hidden" name="provider" value={provider} />
          <SubmitButton variant="danger" pendingText="Unlinking…">
            Unlink {label}
          </SubmitButton>
          <Link href="/account" className={buttonClass("secondary")}>
            Cancel
          </Link>
        </form>
      </Panel>
    </div>
  );
}
