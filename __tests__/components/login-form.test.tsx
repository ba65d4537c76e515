/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LoginForm, type LoginState } from "@/app/(auth)/login/login-form";

const never = async (state: LoginState) => state;

describe("the Log in form", () => {
  it("has the labels, checkbox, button and link of the help article", () => {
    render(<LoginForm action={never} />);
    expect(screen.getByLabelText("Email")).toHaveAttribute("type", "email");
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password");
    expect(screen.getByRole("checkbox", { name: "Remember me on this computer" })).not.toBeChecked();
    expect(screen.getByRole("button", { name: "Log In" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Forgot your password?" })).toHaveAttribute("href", "/forgot-password");
  });

  it("fills in the remembered email and keeps the box ticked", () => {
    render(<LoginForm action={never} rememberedEmail="casey@example.com" />);
    expect(screen.getByLabelText("Email")).toHaveValue("casey@example.com");
    expect(screen.getByRole("checkbox", { name: "Remember me on this computer" })).toBeChecked();
  });

  it("shows a refused login as an alert, keeps the email and clears the password", async () => {
    const refuse = async (): Promise<LoginState> => ({ email: "casey@example.com", error: "Invalid email address or password" });
    render(<LoginForm action={refuse} />);
    await userEvent.type(screen.getByLabelText("Email"), "casey@example.com");
    await userEvent.type(screen.getByLabelText("Password"), "wrong password");
    await userEvent.click(screen.getByRole("button", { name: "Log In" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Invalid email address or password");
    expect(screen.getByLabelText("Email")).toHaveValue("casey@example.com");
    expect(screen.getByLabelText("Password")).toHaveValue("");
  });

  it("ties each field's error to its field", async () => {
    const reject = async (): Promise<LoginState> => ({ email: "", fieldErrors: { email: "Enter your email address." } });
    render(<LoginForm action={reject} />);
    await userEvent.click(screen.getByRole("button", { name: "Log In" }));
    const email = screen.getByLabelText("Email");
    expect(await screen.findByText("Enter your email address.")).toHaveAttribute("id", "email-error");
    expect(email).toHaveAccessibleDescription("Enter your email address.");
    expect(email).toHaveAttribute("aria-invalid", "true");
  });

  it("shows the password-changed notice as a status", () => {
    render(<LoginForm action={never} notice="Your password has been changed. You can now log in." />);
    expect(screen.getByRole("status")).toHaveTextContent("Your password has been changed. You can now log in.");
  });
});
