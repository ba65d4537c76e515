import Link from "next/link";
import { AuthCard } from "@/components/auth-card";

export default function NotFound() {
  return (
    <AuthCard title="Page not found">
      <p className="text-slate-600">There is no page at this address.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        Go to the Client Portal
      </Link>
    </AuthCard>
  );
}
