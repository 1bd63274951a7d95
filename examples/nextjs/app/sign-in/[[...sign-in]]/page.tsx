import { SignIn } from '@latch/nextjs';

// Steps live under the path (/sign-in/factor-one, /sign-in/reset-password…), hence the optional catch-all.
export default function SignInPage() {
  return (
    <div className="auth-page">
      <SignIn
        appearance={{
          elements: {
            rootBox: 'example-root-box',
          },
        }}
        routing="path"
        path="/sign-in"
        signUpUrl="/sign-up"
      />
    </div>
  );
}
