import "@testing-library/jest-dom";

// The JSON event lines are for the host's log drain, not for test output.
jest.spyOn(console, "info").mockImplementation(() => {});
