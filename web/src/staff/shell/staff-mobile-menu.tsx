"use client";
// On narrow screens: a Menu button opening a sheet with the person, the navigation and sign-out.
import { MenuIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "../../components/ui/button";
import { Separator } from "../../components/ui/separator";
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from "../../components/ui/sheet";
import type { StaffRole } from "../staff-api";
import { roleLabel, type StaffNavItem } from "../staff-navigation";
import { SignOutButton } from "../sign-out-button";
import { StaffNavLinks } from "./staff-nav-links";

export function StaffMobileMenu({
  person,
  items,
}: {
  person: { name: string; role: StaffRole };
  items: StaffNavItem[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="outline" size="sm" data-testid="staff-menu-button">
          <MenuIcon aria-hidden="true" />
          Menu
        </Button>
      </SheetTrigger>
      <SheetContent side="right" data-testid="staff-menu">
        <SheetHeader>
          <SheetTitle>{person.name}</SheetTitle>
          <SheetDescription>{roleLabel(person.role)}</SheetDescription>
        </SheetHeader>
        <Separator />
        <nav aria-label="Staff pages">
          <StaffNavLinks items={items} orientation="vertical" onNavigate={() => setOpen(false)} />
        </nav>
        <Separator />
        <SignOutButton />
      </SheetContent>
    </Sheet>
  );
}
