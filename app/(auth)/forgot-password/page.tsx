import type { Metadata } from "next";
import { AuthCard } from "@/components/auth-card";
import { readRememberedEmail } from "@/lib/remember-me";
import { ForgotPasswordForm } from "./forgot-password-form";
import { requestResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?">
      <ForgotPasswordForm action={requestResetAction} email={(await readRememberedEmail()) ?? ""} />
    </AuthCard>
  );
}
