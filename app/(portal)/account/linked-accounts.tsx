import Link from "next/link";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/button";
import { buttonClass } from "@/components/button-styles";
import { Panel } from "@/components/panel";
import { ProviderIcon } from "@/components/provider-icons";
import { listLinkedAccounts } from "@/lib/auth/linking";
import { maxLoginAttempts } from "@/lib/auth/lockout";
import { listSocialProviders } from "@/lib/auth/providers";
import { describeSignInError, providerLabel } from "@/lib/auth/sign-in-messages";
import { messages } from "@/lib/messages";
import { linkProviderAction } from "./social-actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The top of My Account: Link / Unlink per configured provider, and how the last attempt went. */
export async function LinkedAccounts({ userId, email, searchParams }: { userId: string; email: string; searchParams: SearchParams }) {
  const providers = listSocialProviders();
  if (providers.length === 0) return null;
  const [params, linkedAccounts] = await Promise.all([searchParams, listLinkedAccounts(userId)]);
  const linked = new Set(linkedAccounts.map(({ provider }) => provider));

  const error = describeSignInError({ error: first(params.error), provider: first(params.provider) }, maxLoginAttempts());
  const justLinked = first(params.linked);
  const justUnlinked = first(params.unlinked);
  const success =
    justLinked && linked.has(justLinked)
      ? messages.socialLinked(providerLabel(justLinked))
      : justUnlinked && !linked.has(justUnlinked)
        ? messages.socialUnlinked(providerLabel(justUnlinked))
        : null;

  return (
    <Panel id="social-heading" title="Linked accounts" description="Link an account whose email address is your portal email, then log in with it in one click.">
      {error ? <Alert className="mb-4">{error}</Alert> : success && <Alert tone="success" className="mb-4">{success}</Alert>}
      <ul className="grid gap-3 sm:grid-cols-2">
        {providers.map((provider) => (
          <li key={provider.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 p-3">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{provider.label}</p>
              <p className="truncate text-xs text-slate-600">{linked.has(provider.id) ? `Linked to ${email}` : "Not linked"}</p>
            </div>
            {linked.has(provider.id) ? (
              <Link href={`/account/unlink/${provider.id}`} className={buttonClass("secondary", "px-3 py-2")}>
                <ProviderIcon provider={provider.id} />
                Unlink {provider.label}
              </Link>
            ) : (
              <form action={linkProviderAction}>
                <input type="hidden" name="provider" value={provider.id} />
                <SubmitButton variant="secondary" className="px-3 py-2">
                  <ProviderIcon provider={provider.id} />
                  Link {provider.label}
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
