import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigErrorPage } from './config-error-page.tsx';

describe('ConfigErrorPage', () => {
  afterEach(cleanup);

  it('should say the configuration is invalid and name the field with its message', () => {
    render(<ConfigErrorPage error={{ field: 'auth.flow', message: 'auth.flow must be "code-pkce" or "implicit"' }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveProperty('textContent', expect.stringContaining('The configuration is invalid'));
    expect(screen.getByText('auth.flow')).toBeTruthy();
    expect(screen.getByText('auth.flow must be "code-pkce" or "implicit"')).toBeTruthy();
  });

  it('should render a hostile message as text, not markup', () => {
    const { container } = render(<ConfigErrorPage error={{ field: 'apiKey', message: '<img src=x onerror=alert(1)>' }} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});
