"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { activateClient, resendWelcome, setDeactivated, unlockClient, type Actor, type AdminResult } from "@/lib/auth/admin";
import { requireAdmin } from "@/lib/guards";
import { activateClientSchema, firstFieldErrors, formText } from "@/lib/validation";
import type { FormState } from "@/components/form-state";

export async function activateClientAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const values = { name: (formText(formData, "name") ?? "").slice(0, 200), email: (formText(formData, "email") ?? "").slice(0, 320) };
  const parsed = activateClientSchema.safeParse(values);
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values };

  const result = await activateClient(parsed.data, { userId: admin.id });
  if (!result.ok) return { fieldErrors: { email: "A user with this email address already exists." }, values };
  revalidatePath("/admin");
  if (!result.emailSent) {
    return { error: `${parsed.data.name} has been activated, but the welcome email could not be sent. Use Resend welcome email to try again.` };
  }
  return { success: `${parsed.data.name} has been activated. A welcome email is on its way to ${parsed.data.email}.` };
}

type RowAction = "resend" | "unlock" | "deactivate" | "reactivate";

const run: Record<RowAction, (userId: string, actor: Actor) => Promise<AdminResult>> = {
  resend: resendWelcome,
  unlock: unlockClient,
  deactivate: (userId, actor) => setDeactivated(userId, true, actor),
  reactivate: (userId, actor) => setDeactivated(userId, false, actor),
};

/** One entry for the per-client buttons; the outcome comes back as a notice on /admin. */
export async function clientAction(formData: FormData) {
  const admin = await requireAdmin();
  const intent = formText(formData, "intent");
  const userId = formText(formData, "userId");
  const back = new URLSearchParams();
  const search = formText(formData, "q");
  if (search) back.set("q", search.slice(0, 100));

  // Own keys only: "__proto__" or "constructor" are in every object.
  if (!userId || !intent || !Object.hasOwn(run, intent)) {
    back.set("notice", "invalid");
  } else {
    const result = await run[intent as RowAction](userId, { userId: admin.id });
    back.set("notice", result.ok ? (result.emailSent === false ? "email-failed" : intent) : result.reason);
  }
  revalidatePath("/admin");
  redirect(`/admin?${back}`);
}
