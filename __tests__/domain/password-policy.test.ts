import { describePasswordProblem } from "@/lib/auth/password-policy";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/validation";

describe("the password rules", () => {
  it("accepts a long phrase", () => {
    expect(describePasswordProblem("lantern meadow copper violin")).toBeNull();
  });

  it("refuses 11 characters and accepts 12 that are not guessable", () => {
    expect(describePasswordProblem("Qz8#vLp2!xR")).toBe("Use at least 12 characters.");
    expect(describePasswordProblem("Qz8#vLp2!xRw")).toBeNull();
  });

  it("counts characters, not bytes, for the minimum", () => {
    expect(describePasswordProblem("ŝĉĥĵŭĝŝĉĥĵŭ")).toBe("Use at least 12 characters.");
  });

  it("refuses more than 72 bytes rather than cutting it", () => {
    const ascii73 = "lantern meadow copper violin ".repeat(3).slice(0, 73);
    expect(describePasswordProblem(ascii73)).toMatch(/^Use at most 72 bytes/);
    expect(describePasswordProblem(ascii73.slice(0, 72))).toBeNull();
    expect(describePasswordProblem("ü".repeat(37))).toMatch(/^Use at most 72 bytes/);
  });

  it.each(["password1234", "qwertyuiop123", "passwordpassword", "aaaaaaaaaaaaaaaa"])("refuses the common password %s", (password) => {
    expect(describePasswordProblem(password)).toMatch(/^This password is too common or too easy to guess\./);
  });

  it("refuses a password made of the user's own details", () => {
    expect(describePasswordProblem("casey client", ["casey.client@example.com", "Casey Client"])).toMatch(/personal/);
    expect(describePasswordProblem("casey client")).toBeNull();
  });

  it("requires New and Confirm to match, with the message on Confirm", () => {
    const result = resetPasswordSchema.safeParse({ token: "t", password: "lantern meadow copper violin", confirmPassword: "lantern meadow copper viola" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["confirmPassword"], message: expect.stringMatching(/do not match/) })]);
  });

  it("asks for every field of a change", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "", password: "", confirmPassword: "" });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["currentPassword", "password", "confirmPassword"]);
  });

  it("treats wrong types as missing rather than failing", () => {
    expect(resetPasswordSchema.safeParse({ token: 42, password: null, confirmPassword: ["x"] }).success).toBe(false);
  });
});
