import { SubmitButton } from "@/components/button";
import { ProviderIcon } from "@/components/provider-icons";
import type { SocialProvider } from "@/lib/auth/providers";

type SocialLogInProps = { providers: SocialProvider[]; callbackUrl?: string; action: (formData: FormData) => Promise<void> };

/** The left column of the Log in card: one plain form per provider, so it works without JavaScript. */
export function SocialLogIn({ providers, callbackUrl, action }: SocialLogInProps) {
  return (
    <aside aria-labelledby="social-heading" className="border-b border-slate-200 bg-slate-50 px-6 py-8 md:border-r md:border-b-0">
      <h2 id="social-heading" className="text-sm font-semibold text-slate-900">
        One-click log in
      </h2>
      <p className="mt-1 text-xs text-slate-600">With an account you linked from My Account.</p>
      <ul className="mt-5 space-y-3">
        {providers.map((provider) => (
          <li key={provider.id}>
            <form action={action}>
              <input type="hidden" name="provider" value={provider.id} />
              {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
              <SubmitButton variant="secondary" className="w-full justify-start text-left">
                <ProviderIcon provider={provider.id} />
                Log in with {provider.label}
              </SubmitButton>
            </form>
          </li>
        ))}
      </ul>
    </aside>
  );
}
