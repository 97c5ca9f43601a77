import type { ReactElement, ReactNode } from 'react';
import { SignInScreen } from './sign-in-screen.tsx';
import { useAuth } from './use-auth.ts';

/** Renders `children` only while signed in; otherwise the sign-in screen (with its reason). */
export function AuthGate({ children }: { readonly children: ReactNode }): ReactElement {
  const { status } = useAuth();
  return status === 'signed-in' ? <>{children}</> : <SignInScreen />;
}
