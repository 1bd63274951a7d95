import { SignUp } from '@latch/nextjs';

export default function SignUpPage() {
  return (
    <div className="auth-page">
      <SignUp routing="path" path="/sign-up" signInUrl="/sign-in" />
    </div>
  );
}
