import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/misc';
import { m } from '@/lib/messages';

export default function NotFound() {
  return <EmptyState title={m.app.notFound} body="" action={<Link className="text-accent underline" to="/projects">{m.app.back}</Link>} />;
}
