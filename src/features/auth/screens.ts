// The sign-in screens, apart from the feature's index: a signed-in start never fetches them, and
// a signed-out one fetches only them (docs/decisions/022).
export { SignInScreen } from './sign-in-screen';
export { SignInReturnScreen } from './sign-in-return-screen';
