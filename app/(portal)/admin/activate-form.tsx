"use client";

import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/button";
import { Field } from "@/components/field";
import type { FormAction } from "@/components/form-state";

export function ActivateClientForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, {});
  const values = state.values ?? { name: "", email: "" };
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.success && <Alert tone="success">{state.success}</Alert>}
      {state.error && <Alert>{state.error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field key={`name-${values.name}`} label="Name" name="name" autoComplete="off" defaultValue={values.name} error={state.fieldErrors?.name} required maxLength={100} />
        <Field key={`email-${values.email}`} label="Email" name="email" type="email" autoComplete="off" defaultValue={values.email} error={state.fieldErrors?.email} required />
      </div>
      <SubmitButton pendingText="Activating…">Activate client</SubmitButton>
    </form>
  );
}
