"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/alert";
import { SubmitButton } from "@/components/button";
import { Field } from "@/components/field";

export type LoginState = {
  email?: string;
  remember?: boolean;
  error?: string;
  fieldErrors?: { email?: string; password?: string };
};

type LoginFormProps = {
  action: (state: LoginState, formData: FormData) => Promise<LoginState>;
  rememberedEmail?: string | null;
  callbackUrl?: string;
  notice?: string | null;
  error?: string | null;
};

export function LoginForm({ action, rememberedEmail, callbackUrl, notice, error }: LoginFormProps) {
  const [state, formAction] = useActionState(action, {});
  const email = state.email ?? rememberedEmail ?? "";
  const alert = state.error ?? (state.fieldErrors ? null : error);

  return (
    <form action={formAction} noValidate className="space-y-5">
      {alert ? <Alert>{alert}</Alert> : notice && <Alert tone="success">{notice}</Alert>}
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field
        key={`email-${email}`}
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        defaultValue={email}
        error={state.fieldErrors?.email}
        autoFocus={!email}
        required
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors?.password}
        autoFocus={Boolean(email)}
        required
      />
      <div className="flex items-center gap-2">
        <input
          key={`remember-${state.remember ?? Boolean(rememberedEmail)}`}
          id="remember"
          name="remember"
          type="checkbox"
          defaultChecked={state.remember ?? Boolean(rememberedEmail)}
          className="size-4 rounded border-slate-300 text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600"
        />
        <label htmlFor="remember" className="text-sm text-slate-700">
          Remember me on this computer
        </label>
      </div>
      <SubmitButton className="w-full" pendingText="Logging in…">
        Log In
      </SubmitButton>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
