// The recipe editor, one ingredient per box: Enter moves to the next box, or adds one after the last,
// instead of saving the whole recipe (what Enter does in a form without this script).
document.addEventListener("keydown", (event) => {
  const input = event.target;
  if (event.key !== "Enter" || event.isComposing || !(input instanceof HTMLInputElement) || input.name !== "line") {
    return;
  }
  const row = input.closest("li");
  const next = row && row.nextElementSibling && row.nextElementSibling.querySelector("input[name='line']");
  const add = document.querySelector("#ingredient-editor button[value='add']");
  if (!next && !add) {
    return;
  }
  event.preventDefault();
  if (next) {
    next.focus();
  } else {
    add.click();
  }
});
