"use client";

import { useFormStatus } from "react-dom";
import type { ButtonHTMLAttributes } from "react";
import { buttonClass, type ButtonVariant } from "@/components/button-styles";

type SubmitButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; pendingText?: string };

/** A submit button that says it is working while its form is being sent. */
export function SubmitButton({ children, variant = "primary", pendingText, className = "", ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" aria-disabled={pending} disabled={pending} className={buttonClass(variant, className)} {...props}>
      {pending && <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
