// The code of the rule a store call broke (its own error class), or 'none';
// any other error is a failure of the test, not a refusal.
export async function ruleOf(work: Promise<unknown>, Refusal: abstract new (...args: never[]) => { code: string }): Promise<string> {
  try {
    await work;
    return 'none';
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
}
