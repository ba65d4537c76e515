"use client";

import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/button";
import { Field } from "@/components/field";
import type { FormAction } from "@/components/form-state";

export function NameForm({ action, name }: { action: FormAction; name: string }) {
  const [state, formAction] = useActionState(action, {});
  const value = state.values?.name ?? name;
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.success && <Alert tone="success">{state.success}</Alert>}
      <Field key={value} label="Name" name="name" autoComplete="name" defaultValue={value} error={state.fieldErrors?.name} required maxLength={100} />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save name
      </SubmitButton>
    </form>
  );
}
