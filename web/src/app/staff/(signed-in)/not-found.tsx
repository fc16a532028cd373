// A staff page for something that does not exist or that the person may not see: the same answer for
// both, naming nothing about the other.
import Link from "next/link";
import { Alert, AlertDescription, AlertTitle } from "../../../components/ui/alert";

export default function StaffNotFound() {
  return (
    <div className="grid max-w-xl gap-4" data-testid="staff-not-found">
      <h1 className="font-semibold text-2xl tracking-tight">Not found</h1>
      <Alert>
        <AlertTitle>There is nothing here you can open</AlertTitle>
        <AlertDescription>
          <p>The booking may not exist, or it belongs to someone else&rsquo;s calendar.</p>
        </AlertDescription>
      </Alert>
      <Link href="/staff" className="w-fit text-primary underline underline-offset-4">
        Back to bookings
      </Link>
    </div>
  );
}
