import { UserProfile } from '@latch/nextjs';

// The full profile page (the middleware keeps signed-out visitors out: /user-profile is not public).
export default function UserProfilePage() {
  return (
    <div className="auth-page">
      <UserProfile routing="path" path="/user-profile" />
    </div>
  );
}
