package org.codeorg.partnerships.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.AbstractResourceDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment whose models refer to something that will not resolve when an instance
 * gets there, whoever deploys it (the application at start-up, Camunda Modeler or anyone over
 * {@code POST /engine-rest/deployment/create}, {@code RepositoryService}): such a deployment would
 * otherwise become the latest version and fail later, in front of staff. It checks, per element:
 * <ul>
 *   <li>{@code camunda:formRef}: under {@code formRefBinding="deployment"} the form must be in
 *       the same deployment; under {@code latest} (the default) or {@code version}, in it or
 *       deployed already; {@code camunda:formKey="camunda-forms:deployment:…"} names a resource of
 *       the same deployment;</li>
 *   <li>{@code calledElement} of call activities and {@code camunda:decisionRef} of business rule
 *       tasks: in the same deployment, or (unless bound to {@code deployment}) deployed already;</li>
 *   <li>{@code camunda:delegateExpression="${name}"} of tasks, events and listeners: {@code name}
 *       is a Spring bean (in this project a delegate is always a bean, never a variable).</li>
 * </ul>
 * References that are themselves expressions ({@code calledElement="${key}"}) are decided at run
 * time and left alone. Messages are not checked: the engine's own parser already refuses a
 * {@code messageRef} to a message the model does not define, and a message's name is what the code
 * correlates with ({@code ModelConventionsTest} holds the names to the contracts).
 *
 * <p>The check runs as a deployer before the engine's own, so a refused deployment leaves nothing
 * behind. It is a Spring bean and so only part of the application's engine: the process unit
 * tests ({@code process-unit-test.cfg.xml}, mocks by name) deploy single models without it.
 *
 * <p>A refusal is a {@link ParseException}: {@code RepositoryService#deploy} throws it, and the
 * engine's REST API answers 400 with {@code "type": "ParseException"}, the whole list in
 * {@code message} and one entry per element (its id in {@code mainElementId}) under
 * {@code details.<resource name>.errors}, which Camunda Modeler shows. At start-up it stops the
 * application with that message.
 */
@Component
public class DeploymentReferenceCheck extends AbstractProcessEnginePlugin implements Deployer {

  private static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;
  private static final String DEPLOYMENT_FORM_KEY = "camunda-forms:deployment:";
  private static final Pattern DELEGATE_ROOT = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_]\\w*)");

  private final BeanFactory beans;
  private final ObjectMapper json = new ObjectMapper();

  public DeploymentReferenceCheck(BeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = new ArrayList<>();
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    deployers.add(this);
    configuration.setCustomPreDeployers(deployers);
  }

  /**
   * @throws ParseException naming every element whose reference does not resolve (REST: 400)
   */
  @Override
  public void deploy(DeploymentEntity deployment) {
    // Deployers also run when a deployment is read back into the cache; it was checked when made.
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Contents contents = Contents.of(deployment.getResources().values(), json);
    Deployed deployed = new Deployed(Context.getCommandContext(), deployment.getTenantId());
    Map<String, List<Problem>> problems = new LinkedHashMap<>();
    contents.models.forEach((resource, root) -> {
      List<Problem> found = new ArrayList<>();
      check(root, contents, deployed, found);
      if (!found.isEmpty()) {
        problems.put(resource, found);
      }
    });
    if (!problems.isEmpty()) {
      throw new RefusedDeployment(problems);
    }
  }

  private void check(DomElement element, Contents contents, Deployed deployed, List<Problem> problems) {
    String formRef = element.getAttribute(CAMUNDA, "formRef");
    if (isLiteral(formRef)) {
      String binding = orDefault(element.getAttribute(CAMUNDA, "formRefBinding"));
      reference(element, "form", formRef, "formRefBinding", binding, contents.forms, deployed.forms, problems);
    }
    String formKey = element.getAttribute(CAMUNDA, "formKey");
    if (formKey != null && formKey.startsWith(DEPLOYMENT_FORM_KEY)
        && !contents.resourceNames.contains(formKey.substring(DEPLOYMENT_FORM_KEY.length()))) {
      problems.add(problem(element, "refers to form resource '" + formKey.substring(DEPLOYMENT_FORM_KEY.length())
          + "' (camunda:formKey), which is not in this deployment"));
    }
    if ("callActivity".equals(element.getLocalName()) && isLiteral(element.getAttribute("calledElement"))) {
      reference(element, "process", element.getAttribute("calledElement"), "calledElementBinding",
          orDefault(element.getAttribute(CAMUNDA, "calledElementBinding")), contents.processes, deployed.processes,
          problems);
    }
    String decisionRef = element.getAttribute(CAMUNDA, "decisionRef");
    if (isLiteral(decisionRef)) {
      reference(element, "decision", decisionRef, "decisionRefBinding",
          orDefault(element.getAttribute(CAMUNDA, "decisionRefBinding")), contents.decisions, deployed.decisions,
          problems);
    }
    String delegate = element.getAttribute(CAMUNDA, "delegateExpression");
    if (delegate != null) {
      Matcher root = DELEGATE_ROOT.matcher(delegate);
      if (root.find() && !beans.containsBean(root.group(1))) {
        problems.add(problem(element, "delegates to bean '" + root.group(1) + "' (" + delegate.strip()
            + "), which is no bean of the application"));
      }
    }
    for (DomElement child : element.getChildElements()) {
      check(child, contents, deployed, problems);
    }
  }

  private static void reference(DomElement element, String kind, String key, String bindingAttribute, String binding,
      Set<String> inDeployment, Function<String, Boolean> alreadyDeployed, List<Problem> problems) {
    if (inDeployment.contains(key)) {
      return;
    }
    if ("deployment".equals(binding)) {
      problems.add(problem(element, "refers to " + kind + " '" + key + "' (" + bindingAttribute
          + "=\"deployment\"), which is not in this deployment"));
    } else if (!alreadyDeployed.apply(key)) {
      problems.add(problem(element, "refers to " + kind + " '" + key + "', which is neither in this deployment "
          + "nor deployed"));
    }
  }

  private static boolean isLiteral(String reference) {
    return reference != null && !reference.isBlank() && !reference.contains("{");
  }

  /** The engine's default for form, decision and called-element bindings. */
  private static String orDefault(String binding) {
    return binding == null || binding.isBlank() ? "latest" : binding;
  }

  private static Problem problem(DomElement element, String what) {
    DomElement owner = element;
    while (owner != null && owner.getAttribute("id") == null) {
      owner = owner.getParentElement();
    }
    String id = owner == null ? "?" : owner.getAttribute("id");
    String subject = owner == element || owner == null
        ? element.getLocalName() + " '" + id + "'"
        : element.getLocalName() + " of " + owner.getLocalName() + " '" + id + "'";
    return new ElementProblem(subject + " " + what, id);
  }

  /** What a deployment brings: its models (parsed), and the keys of its processes, decisions and forms. */
  private record Contents(Map<String, DomElement> models, Set<String> processes, Set<String> decisions,
      Set<String> forms, Set<String> resourceNames) {

    static Contents of(Iterable<ResourceEntity> resources, ObjectMapper json) {
      Contents contents = new Contents(new LinkedHashMap<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(),
          new HashSet<>());
      for (ResourceEntity resource : resources) {
        String name = resource.getName();
        contents.resourceNames.add(name);
        // A resource that does not parse is left to the engine's own deployers, which refuse it with their message.
        try {
          if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            DomElement root = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
                .getDocument().getRootElement();
            contents.models.put(name, root);
            root.getChildElements().stream()
                .filter(e -> "process".equals(e.getLocalName()) && "true".equals(e.getAttribute("isExecutable")))
                .forEach(process -> contents.processes.add(process.getAttribute("id")));
          } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())).getModelElementsByType(Decision.class)
                .forEach(decision -> contents.decisions.add(decision.getId()));
          } else if (name.endsWith(".form")) {
            JsonNode id = json.readTree(resource.getBytes()).get("id");
            if (id != null && id.isTextual()) {
              contents.forms.add(id.asText());
            }
          }
        } catch (IOException | RuntimeException unparsable) {
          // see above
        }
      }
      return contents;
    }
  }

  /** Whether a key is deployed already (any version; of the deployment's tenant, or of none). */
  private record Deployed(Function<String, Boolean> processes, Function<String, Boolean> decisions,
      Function<String, Boolean> forms) {

    Deployed(CommandContext command, String tenantId) {
      this(exists(command.getProcessDefinitionManager(), tenantId),
          exists(command.getDecisionDefinitionManager(), tenantId),
          exists(command.getCamundaFormDefinitionManager(), tenantId));
    }

    private static Function<String, Boolean> exists(AbstractResourceDefinitionManager<?> definitions, String tenantId) {
      return key -> definitions.findLatestDefinitionByKeyAndTenantId(key, tenantId) != null;
    }
  }

  private record ElementProblem(String message, String mainElementId) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return mainElementId;
    }

    @Override
    public List<String> getElementIds() {
      return List.of(mainElementId);
    }
  }

  /** One report per resource, as the engine's parser gives for its own errors. */
  static final class RefusedDeployment extends ParseException {

    RefusedDeployment(Map<String, List<Problem>> problems) {
      super(message(problems), problems.keySet().iterator().next(), List.of(), List.of());
      resorceReports.clear();
      problems.forEach((resource, errors) -> resorceReports.add(new ResourceReportImpl(resource, errors, List.of())));
    }

    private static String message(Map<String, List<Problem>> problems) {
      return "Deployment refused, references that will not resolve (docs/model-changes.md): "
          + problems.entrySet().stream()
              .flatMap(e -> e.getValue().stream().map(p -> e.getKey() + ": " + p.getMessage()))
              .collect(Collectors.joining("; "));
    }
  }
}
