package org.codeorg.partnerships.engine;

import java.util.List;

/**
 * A task listener that reads what the task's form submitted says which fields, so the
 * conventions test can check that the form of every user task it listens on has them.
 */
public interface ReadsFormFields {

  /** The form fields read, as the contract's typed variables. */
  List<ProcessVariable<?>> formFields();
}
