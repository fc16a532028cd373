"use client";
// The staff navigation's links, the current page marked with aria-current (it needs the browser's path).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../../components/ui/cn";
import { isCurrentNavItem, type StaffNavItem } from "../staff-navigation";

export function StaffNavLinks({
  items,
  orientation,
  onNavigate,
}: {
  items: StaffNavItem[];
  orientation: "horizontal" | "vertical";
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  return (
    <ul className={cn("flex gap-1", orientation === "vertical" ? "flex-col" : "flex-wrap items-center")}>
      {items.map((item) => {
        const current = isCurrentNavItem(item, pathname);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              data-testid={`staff-nav-${item.key}`}
              aria-current={current ? "page" : undefined}
              onClick={onNavigate}
              className={cn(
                "block rounded-md px-3 py-2 font-medium text-sm hover:bg-accent hover:text-accent-foreground",
                current ? "bg-secondary text-secondary-foreground" : "text-muted-foreground",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
