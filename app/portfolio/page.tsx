import { UpcomingPage } from "@/components/UpcomingPage";

export const metadata = { title: "Portfolio" };

export default function PortfolioPage() {
  return (
    <UpcomingPage title="Portfolio" purpose="Every position, unbonding countdowns, pending rewards across agents and tokens, and claim-all in one transaction." />
  );
}
