import { NotFoundContent } from '@/components/not-found-content';

export default function PublicNotFound() {
  return <NotFoundContent />;
}
