"use client";

import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/button";
import { Field } from "@/components/field";
import { NewPasswordFields } from "@/components/new-password-fields";
import type { FormAction } from "@/components/form-state";

export function ChangePasswordForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="max-w-md space-y-4">
      {state.success && <Alert tone="success">{state.success}</Alert>}
      {state.error && <Alert>{state.error}</Alert>}
      <Field label="Current Password" name="currentPassword" type="password" autoComplete="current-password" error={state.fieldErrors?.currentPassword} required />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton variant="secondary" pendingText="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
