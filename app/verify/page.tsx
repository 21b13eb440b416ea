import { UpcomingPage } from "@/components/UpcomingPage";

export const metadata = { title: "Verify" };

export default function VerifyPage() {
  return (
    <UpcomingPage title="Verify" purpose="Paste a rune or a receipt with its signature: is it genuine, which agent it belongs to, and whether it was already used." />
  );
}
