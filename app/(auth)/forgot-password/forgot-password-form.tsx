"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/button";
import { Field } from "@/components/field";
import type { FormAction } from "@/components/form-state";

export function ForgotPasswordForm({ action, email = "" }: { action: FormAction; email?: string }) {
  const [state, formAction] = useActionState(action, {});
  const value = state.values?.email ?? email;
  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.error && <Alert>{state.error}</Alert>}
      {state.success ? (
        <Alert tone="success">{state.success}</Alert>
      ) : (
        <p className="text-sm text-slate-600">Enter the email address of your Caliper Client Portal account and we will send you a link to choose a new password.</p>
      )}
      <Field key={value} label="Email" name="email" type="email" autoComplete="email" inputMode="email" defaultValue={value} error={state.fieldErrors?.email} required autoFocus />
      <SubmitButton className="w-full" pendingText="Sending…">
        Send me reset password instructions
      </SubmitButton>
      <p className="text-center text-sm">
        <Link href="/login" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to Log in
        </Link>
      </p>
    </form>
  );
}
