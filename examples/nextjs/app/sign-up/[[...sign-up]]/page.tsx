export default function SignUpPage() {
  return (
    <div>
      <h1>Sign up</h1>
      <p>
        The sign-up form arrives with Latch's React UI. <a href="/sign-in">Sign in</a> instead.
      </p>
    </div>
  );
}
