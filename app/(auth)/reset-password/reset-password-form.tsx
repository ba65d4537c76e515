"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/button";
import { NewPasswordFields } from "@/components/new-password-fields";
import type { FormAction } from "@/components/form-state";
import { messages } from "@/lib/messages";

export function ResetPasswordForm({ action, token }: { action: FormAction; token: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.error && (
        <Alert>
          {state.error}{" "}
          {state.error === messages.invalidToken && (
            <Link href="/forgot-password" className="font-semibold underline">
              Request a new link
            </Link>
          )}
        </Alert>
      )}
      <input type="hidden" name="token" value={token} />
      {/* The page exists for this field: the cursor starts there, as on Log in. */}
      <NewPasswordFields errors={state.fieldErrors} autoFocus />
      <SubmitButton className="w-full" pendingText="Changing…">
        Change my password
      </SubmitButton>
    </form>
  );
}
