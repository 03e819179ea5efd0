package io.testtrack.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shape every service keeps (docs/architecture.md, "Modules"): {@code api} calls
 * {@code service}, {@code service} calls {@code repository}, {@code domain} and {@code client};
 * {@code events} (consumers) call {@code service}; {@code domain} calls none of them. What a
 * resource sends or accepts is its own record or a domain type, never a service's or a
 * repository's. A service reads no other service's code: only its own, {@code common},
 * {@code platform} and {@code events}. Each service's {@code LayeringTest} extends this class (plain JUnit, no Quarkus
 * start) and names its root package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LayeringContract {

    private static final String PROJECT = "io.testtrack";

    private JavaClasses classes;

    /** The service's root package, e.g. {@code io.testtrack.testcase}. */
    protected abstract String rootPackage();

    @BeforeAll
    void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage());
    }

    @Test
    void layersCallOnlyDownwards() {
        String root = rootPackage();
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("api").definedBy(root + ".api..")
                .layer("consumers").definedBy(root + ".events..")
                .layer("service").definedBy(root + ".service..")
                .layer("client").definedBy(root + ".client..")
                .layer("repository").definedBy(root + ".repository..")
                .layer("domain").definedBy(root + ".domain..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("consumers").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("api", "consumers")
                .whereLayer("client").mayOnlyBeAccessedByLayers("service")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("service")
                .because("a resource or consumer reaches data through a service use case")
                .check(classes);
    }

    @Test
    void domainDependsOnNoOuterLayer() {
        String root = rootPackage();
        noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".api..", root + ".service..", root + ".repository..", root + ".events..",
                        root + ".client..")
                .because("domain rules are plain code, testable without the layers around them")
                .check(classes);
    }

    @Test
    void apiRecordsAndResourceMethodsSpeakOnlyApiOrDomainTypes() {
        String root = rootPackage();
        DescribedPredicate<JavaClass> serviceOrRepository = resideInAnyPackage(root + ".service..", root + ".repository..");
        members().that().areDeclaredInClassesThat().resideInAPackage(root + ".api..")
                .and(recordMembersOrResourceMethods())
                .should(notMention(serviceOrRepository))
                .because("the API's records are its contract: a service's or repository's type changing must not change it")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void readsNoOtherServicesCode() {
        String root = rootPackage();
        noClasses().should().dependOnClassesThat(resideInAPackage(PROJECT + "..")
                        .and(not(resideInAnyPackage(root + "..", PROJECT + ".common..", PROJECT + ".platform..", PROJECT + ".events.."))))
                .because("services share only common, the platform and the event records; everything else goes over REST or Kafka")
                .check(classes);
    }

    @Test
    void onlyResourcesAskWhoIsCalling() {
        String root = rootPackage();
        noClasses().that().resideOutsideOfPackage(root + ".api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.testtrack.platform.security.Caller")
                .because("the caller lives in the request scope; a service takes the Principal value, which outlives it")
                .check(classes);
    }

    /** Every member of a record; the public methods of anything else (a resource's injected services are its business). */
    private static DescribedPredicate<JavaMember> recordMembersOrResourceMethods() {
        return DescribedPredicate.describe("are members of a record or public methods", member ->
                member.getOwner().isRecord()
                        || member instanceof JavaMethod && member.getModifiers().contains(JavaModifier.PUBLIC));
    }

    private static ArchCondition<JavaMember> notMention(DescribedPredicate<JavaClass> forbidden) {
        return new ArchCondition<>("not mention a type that " + forbidden.getDescription()) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<JavaType> types = new ArrayList<>();
                if (member instanceof JavaField field) {
                    types.add(field.getType());
                } else if (member instanceof JavaCodeUnit code) {
                    types.add(code.getReturnType());
                    types.addAll(code.getParameterTypes());
                }
                types.stream()
                        .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                        .filter(forbidden)
                        .distinct()
                        .forEach(involved -> events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " mentions " + involved.getName())));
            }
        };
    }
}
