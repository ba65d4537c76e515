import Facebook from "next-auth/providers/facebook";
import Google from "next-auth/providers/google";
import LinkedIn from "next-auth/providers/linkedin";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Provider } from "next-auth/providers";
import { getEnv, SOCIAL_PROVIDERS, type Env } from "@/lib/env";

export type SocialProviderId = (typeof SOCIAL_PROVIDERS)[number]["id"];
export type SocialProvider = { id: SocialProviderId; label: string };

type Profile = { [claim: string]: unknown } | object;
const claim = (profile: Profile, name: string) => (profile as Record<string, unknown>)[name];
const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);

// The portal never calls a provider's API after sign-in, so it keeps none of their tokens.
const keepNoTokens = () => ({});

/** Maps a provider profile to the fields Auth.js needs; a missing email stays missing (see linking.ts). */
const mapOpenIdProfile = (profile: Profile) => ({
  id: String(claim(profile, "sub")),
  name: text(claim(profile, "name")),
  email: text(claim(profile, "email")),
  image: null,
});

function isConfigured(env: Env, prefix: (typeof SOCIAL_PROVIDERS)[number]["prefix"]) {
  return Boolean(env[`${prefix}_ID`] && env[`${prefix}_SECRET`]);
}

/** The social providers whose id and secret are set, in the order the buttons appear. */
export function listSocialProviders(env: Env = getEnv()): SocialProvider[] {
  return SOCIAL_PROVIDERS.filter(({ prefix }) => isConfigured(env, prefix)).map(({ id, label }) => ({ id, label }));
}

export function findSocialProvider(id: unknown, env: Env = getEnv()): SocialProvider | undefined {
  return listSocialProviders(env).find((provider) => provider.id === id);
}

/** Auth.js providers for every configured social sign-on, with the issuer and endpoint overrides. */
export function createSocialProviders(env: Env = getEnv()): Provider[] {
  const providers: Provider[] = [];
  const ids = new Set(listSocialProviders(env).map(({ id }) => id));

  if (ids.has("facebook")) {
    providers.push(
      Facebook({
        clientId: env.AUTH_FACEBOOK_ID,
        clientSecret: env.AUTH_FACEBOOK_SECRET,
        ...(env.AUTH_FACEBOOK_AUTHORIZATION_URL && { authorization: { url: env.AUTH_FACEBOOK_AUTHORIZATION_URL } }),
        ...(env.AUTH_FACEBOOK_TOKEN_URL && { token: { url: env.AUTH_FACEBOOK_TOKEN_URL } }),
        ...(env.AUTH_FACEBOOK_USERINFO_URL && { userinfo: { url: env.AUTH_FACEBOOK_USERINFO_URL } }),
        // Facebook may leave out the email and the picture (next-auth #7078); its default mapping would throw.
        profile: (profile: Profile) => ({ id: String(claim(profile, "id")), name: text(claim(profile, "name")), email: text(claim(profile, "email")), image: null }),
        account: keepNoTokens,
      }),
    );
  }
  if (ids.has("google")) {
    providers.push(
      Google({
        clientId: env.AUTH_GOOGLE_ID,
        clientSecret: env.AUTH_GOOGLE_SECRET,
        ...(env.AUTH_GOOGLE_ISSUER && { issuer: env.AUTH_GOOGLE_ISSUER }),
        profile: mapOpenIdProfile,
        account: keepNoTokens,
      }),
    );
  }
  if (ids.has("linkedin")) {
    providers.push(
      LinkedIn({
        clientId: env.AUTH_LINKEDIN_ID,
        clientSecret: env.AUTH_LINKEDIN_SECRET,
        ...(env.AUTH_LINKEDIN_ISSUER && { issuer: env.AUTH_LINKEDIN_ISSUER }),
        profile: mapOpenIdProfile,
        account: keepNoTokens,
      }),
    );
  }
  if (ids.has("microsoft-entra-id")) {
    providers.push(
      MicrosoftEntraID({
        clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
        clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
        issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
        // Without Graph calls there is no need to ask for User.Read.
        authorization: { params: { scope: "openid profile email" } },
        // The default profile() fetches a photo from Microsoft Graph on every sign-in; we show none.
        profile: mapOpenIdProfile,
        account: keepNoTokens,
      }),
    );
  }
  return providers;
}
