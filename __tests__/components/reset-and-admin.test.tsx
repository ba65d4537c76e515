/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ResetPasswordForm } from "@/app/(auth)/reset-password/reset-password-form";
import { ClientTable } from "@/app/(portal)/admin/client-table";
import type { FormState } from "@/components/form-state";
import type { ClientRow } from "@/lib/auth/admin";

describe("the Change your password form", () => {
  it("has the article's fields and button, and carries the token", () => {
    const { container } = render(<ResetPasswordForm action={async (s: FormState) => s} token="abc" />);
    expect(screen.getByLabelText("New Password")).toHaveAttribute("type", "password");
    expect(screen.getByLabelText("Confirm New Password")).toHaveAttribute("type", "password");
    expect(screen.getByRole("button", { name: "Change my password" })).toBeInTheDocument();
    expect(container.querySelector('input[name="token"]')).toHaveValue("abc");
  });

  it("puts each rule's message beside its field", async () => {
    const action = async (): Promise<FormState> => ({
      fieldErrors: { password: "Use at least 12 characters.", confirmPassword: "The passwords do not match. Enter the same new password twice." },
    });
    render(<ResetPasswordForm action={action} token="abc" />);
    await userEvent.click(screen.getByRole("button", { name: "Change my password" }));
    expect(await screen.findByText("Use at least 12 characters.")).toHaveAttribute("id", "password-error");
    expect(screen.getByLabelText("New Password")).toHaveAccessibleDescription(expect.stringContaining("Use at least 12 characters."));
    expect(screen.getByLabelText("Confirm New Password")).toHaveAccessibleDescription("The passwords do not match. Enter the same new password twice.");
  });

  it("offers a new link when the token is no longer good", async () => {
    const action = async (): Promise<FormState> => ({ error: "This password reset link is invalid or has expired." });
    render(<ResetPasswordForm action={action} token="abc" />);
    await userEvent.click(screen.getByRole("button", { name: "Change my password" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("This password reset link is invalid or has expired.");
    expect(within(alert).getByRole("link", { name: "Request a new link" })).toHaveAttribute("href", "/forgot-password");
  });
});

describe("the admin's client list", () => {
  const row = (status: ClientRow["status"], name: string): ClientRow => ({
    id: `id-${name}`,
    name,
    email: `${name.toLowerCase()}@example.com`,
    role: "CLIENT",
    status,
    lastSignInAt: status === "invited" ? null : new Date("2026-12-01T09:30:00Z"),
  });
  const clients = [row("invited", "Ivy"), row("active", "Ada"), row("locked", "Lee"), row("deactivated", "Dee")];

  it("shows each client's status, last sign-in and only the actions that apply", () => {
    render(<ClientTable clients={clients} action={async () => {}} search="" currentUserId="admin" />);
    const cells = (name: string) => within(screen.getByRole("row", { name: new RegExp(name) }));

    expect(cells("Ivy").getByText("invited")).toBeInTheDocument();
    expect(cells("Ivy").getByText("Never")).toBeInTheDocument();
    expect(cells("Ivy").getByRole("button", { name: "Resend welcome email" })).toBeInTheDocument();

    expect(cells("Ada").getByText("active")).toBeInTheDocument();
    expect(cells("Ada").getByText("1 Dec 2026, 09:30 UTC")).toBeInTheDocument();
    expect(cells("Ada").queryByRole("button", { name: "Unlock" })).not.toBeInTheDocument();
    expect(cells("Ada").getByRole("button", { name: "Deactivate" })).toBeInTheDocument();

    expect(cells("Lee").getByText("locked")).toBeInTheDocument();
    expect(cells("Lee").getByRole("button", { name: "Unlock" })).toBeInTheDocument();

    expect(cells("Dee").getByText("deactivated")).toBeInTheDocument();
    expect(cells("Dee").getByRole("button", { name: "Reactivate" })).toBeInTheDocument();
    expect(cells("Dee").queryByRole("button", { name: "Deactivate" })).not.toBeInTheDocument();
  });

  it("does not offer an admin to deactivate themselves", () => {
    render(<ClientTable clients={[row("active", "Ada")]} action={async () => {}} search="" currentUserId="id-Ada" />);
    expect(screen.queryByRole("button", { name: "Deactivate" })).not.toBeInTheDocument();
  });
});
