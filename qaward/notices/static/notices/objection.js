// Shows the identity fields only when the objector chooses to give a real name; without this
// script every field simply stays visible and optional fields stay optional.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("objection-form");
  if (!form) return;
  const fields = form.querySelector("[data-identity-fields]");
  const update = () => {
    const mode = form.querySelector("input[name='identity_mode']:checked");
    const anonymous = mode && mode.value === "anonymous";
    fields.hidden = anonymous;
    fields.querySelectorAll("input").forEach((input) => { input.disabled = anonymous; });
  };
  form.querySelectorAll("input[name='identity_mode']").forEach((radio) => radio.addEventListener("change", update));
  update();
});
